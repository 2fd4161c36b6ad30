using System.Globalization;
using System.Text;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>Query parameters of list and watch calls (metav1.ListOptions).</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Page size; the server answers with a continue token when more remain.</summary>
    public int? Limit { get; init; }

    public string? Continue { get; init; }

    public string? ResourceVersion { get; init; }

    /// <summary>"NotOlderThan" or "Exact" (with <see cref="ResourceVersion"/>).</summary>
    public string? ResourceVersionMatch { get; init; }

    /// <summary>Server-side timeout of a watch (or list).</summary>
    public int? TimeoutSeconds { get; init; }

    public bool AllowWatchBookmarks { get; init; }

    /// <summary>Builds the query string ("?a=b&amp;..."; empty if there is nothing to send).</summary>
    public string ToQueryString(bool watch)
    {
        var query = new StringBuilder();
        if (watch)
        {
            Append(query, "watch", "true");
        }
        Append(query, "labelSelector", LabelSelector);
        Append(query, "fieldSelector", FieldSelector);
        Append(query, "limit", Limit?.ToString(CultureInfo.InvariantCulture));
        Append(query, "continue", Continue);
        Append(query, "resourceVersion", ResourceVersion);
        Append(query, "resourceVersionMatch", ResourceVersionMatch);
        Append(query, "timeoutSeconds", TimeoutSeconds?.ToString(CultureInfo.InvariantCulture));
        if (watch && AllowWatchBookmarks)
        {
            Append(query, "allowWatchBookmarks", "true");
        }
        return query.ToString();
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
