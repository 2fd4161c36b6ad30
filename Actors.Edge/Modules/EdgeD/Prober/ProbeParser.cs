using System.Text.Json;
using Actors.Edge.Modules.EdgeD.Pods;

namespace Actors.Edge.Modules.EdgeD.Prober;

/// <summary>Parses <c>livenessProbe</c>, <c>readinessProbe</c> and <c>startupProbe</c> of a container (pure).</summary>
internal static class ProbeParser
{
    public static IReadOnlyList<ProbeModel> Parse(JsonElement container)
    {
        var probes = new List<ProbeModel>();
        foreach (var (field, kind) in new[] { ("livenessProbe", ProbeKind.Liveness), ("readinessProbe", ProbeKind.Readiness), ("startupProbe", ProbeKind.Startup) })
        {
            var probe = PodSpecParser.Object(container, field);
            if (probe.ValueKind == JsonValueKind.Object)
            {
                probes.Add(ParseOne(container, probe, kind));
            }
        }

        return probes;
    }

    private static ProbeModel ParseOne(JsonElement container, JsonElement p, ProbeKind kind)
    {
        var success = Int(p, "successThreshold", 1, 1);
        if (kind != ProbeKind.Readiness && success != 1)
        {
            throw new PodSpecException($"{kind} probe: successThreshold must be 1, got {success}");
        }

        var exec = PodSpecParser.Object(p, "exec");
        var http = PodSpecParser.Object(p, "httpGet");
        var tcp = PodSpecParser.Object(p, "tcpSocket");
        var (action, command, scheme, host, port, path) = (exec.ValueKind, http.ValueKind, tcp.ValueKind) switch
        {
            (JsonValueKind.Object, _, _) => (ProbeAction.Exec, PodSpecParser.Array(exec, "command").Select(e => e.GetString() ?? string.Empty).ToList(), "", "", 0, ""),
            (_, JsonValueKind.Object, _) => (ProbeAction.HttpGet, new List<string>(), PodSpecParser.Str(http, "scheme", "HTTP"), PodSpecParser.Str(http, "host"), Port(container, http), PodSpecParser.Str(http, "path", "/")),
            (_, _, JsonValueKind.Object) => (ProbeAction.TcpSocket, new List<string>(), "", PodSpecParser.Str(tcp, "host"), Port(container, tcp), ""),
            _ => throw new PodSpecException($"{kind} probe: needs exec, httpGet or tcpSocket (grpc probes are not supported)"),
        };
        if (action == ProbeAction.Exec && command.Count == 0)
        {
            throw new PodSpecException($"{kind} probe: exec.command is empty");
        }

        if (scheme is not ("HTTP" or "HTTPS" or ""))
        {
            throw new PodSpecException($"{kind} probe: unknown scheme '{scheme}'");
        }

        return new ProbeModel(
            kind, action, command, scheme, host, port, path,
            TimeSpan.FromSeconds(Int(p, "initialDelaySeconds", 0, 0)),
            TimeSpan.FromSeconds(Int(p, "periodSeconds", 10, 1)),
            TimeSpan.FromSeconds(Int(p, "timeoutSeconds", 1, 1)),
            success,
            Int(p, "failureThreshold", 3, 1));
    }

    private static int Port(JsonElement container, JsonElement action)
    {
        if (!action.TryGetProperty("port", out var port))
        {
            throw new PodSpecException("probe: port is required");
        }

        if (port.ValueKind == JsonValueKind.Number && port.TryGetInt32(out var number) && number is > 0 and < 65536)
        {
            return number;
        }

        if (port.ValueKind == JsonValueKind.String)
        {
            var name = port.GetString()!;
            foreach (var p in PodSpecParser.Array(container, "ports"))
            {
                if (PodSpecParser.Str(p, "name") == name && p.TryGetProperty("containerPort", out var cp) && cp.TryGetInt32(out var value))
                {
                    return value;
                }
            }

            if (int.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and < 65536)
            {
                return parsed;
            }

            throw new PodSpecException($"probe: port '{name}' names no container port");
        }

        throw new PodSpecException("probe: port must be 1-65535 or a port name, got " + port.GetRawText());
    }

    private static int Int(JsonElement p, string name, int fallback, int min)
    {
        if (!p.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return v.TryGetInt32(out var value) && value >= min
            ? value
            : throw new PodSpecException($"probe: {name} must be an integer >= {min}, got {v.GetRawText()}");
    }
}
