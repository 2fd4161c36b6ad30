using System.Text;

namespace Actors.Cloud.ApiServer.Http;

/// <summary>Writes the admin kubeconfig (server, CA data, bearer token) for the embedded API server.</summary>
public static class Kubeconfig
{
    public static string Render(string server, string caPem, string token)
    {
        var ca = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem));
        return $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: edgeactors
              cluster:
                server: {{server}}
                certificate-authority-data: {{ca}}
            users:
            - name: edgeactors-admin
              user:
                token: {{token}}
            contexts:
            - name: edgeactors
              context:
                cluster: edgeactors
                user: edgeactors-admin
                namespace: default
            current-context: edgeactors
            preferences: {}

            """;
    }

    public static void Write(string path, string server, string caPem, string token)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, Render(server, caPem, token));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(tmp, path, overwrite: true);
    }
}
