using System.Text;

namespace Actors.Cloud.Tests.Kubernetes.Support;

/// <summary>Small JSON builders for scripted responses.</summary>
internal static class K8sJson
{
    public static string Pod(string ns, string name, string rv, string? node = null, string? uid = null)
        => $"{{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{{\"name\":\"{name}\",\"namespace\":\"{ns}\",\"uid\":\"{uid ?? ns + "-" + name}\",\"resourceVersion\":\"{rv}\"}},\"spec\":{{\"nodeName\":\"{node ?? "n1"}\",\"containers\":[{{\"name\":\"c\",\"image\":\"busybox\"}}]}}}}";

    public static string PodList(string rv, IEnumerable<string> items, string? continueToken = null)
    {
        var sb = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"").Append(rv).Append('"');
        if (continueToken is not null)
        {
            sb.Append(",\"continue\":\"").Append(continueToken).Append('"');
        }
        return sb.Append("},\"items\":[").Append(string.Join(',', items)).Append("]}").ToString();
    }

    public static string Bookmark(string rv)
        => $"{{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{{\"resourceVersion\":\"{rv}\",\"annotations\":{{\"k8s.io/initial-events-end\":\"true\"}}}}}}";

    public static string Status(int code, string reason, string message)
        => $"{{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{{}},\"status\":\"Failure\",\"message\":\"{message}\",\"reason\":\"{reason}\",\"code\":{code}}}";
}
