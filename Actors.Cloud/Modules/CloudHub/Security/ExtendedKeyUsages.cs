using System.Security.Cryptography;
using System.Text.Json;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// The <c>ExtKeyUsages</c> header of <c>/edge.crt</c>: a JSON array of Go <c>x509.ExtKeyUsage</c> numbers
/// (1 ServerAuth, 2 ClientAuth, 3 CodeSigning, 4 EmailProtection, 8 TimeStamping, 9 OCSPSigning).
/// </summary>
public static class ExtendedKeyUsages
{
    private static readonly Dictionary<int, string> GoUsageOids = new()
    {
        [1] = Oids.ServerAuth,
        [2] = Oids.ClientAuth,
        [3] = "1.3.6.1.5.5.7.3.3",
        [4] = "1.3.6.1.5.5.7.3.4",
        [8] = "1.3.6.1.5.5.7.3.8",
        [9] = "1.3.6.1.5.5.7.3.9",
    };

    /// <summary>KubeEdge's default when the header is absent: ClientAuth.</summary>
    public static OidCollection Default() => new() { new Oid(Oids.ClientAuth) };

    /// <summary>Parses the header; throws <see cref="FormatException"/> on bad JSON or an unsupported usage.</summary>
    public static OidCollection Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return Default();
        }

        int[]? values;
        try
        {
            values = JsonSerializer.Deserialize(header, SecurityJsonContext.Default.Int32Array);
        }
        catch (JsonException e)
        {
            throw new FormatException($"ExtKeyUsages must be a JSON array of integers: {e.Message}", e);
        }

        var result = new OidCollection();
        foreach (var value in values ?? [])
        {
            result.Add(GoUsageOids.TryGetValue(value, out var oid)
                ? new Oid(oid)
                : throw new FormatException($"ExtKeyUsages: unsupported usage {value}"));
        }

        return result.Count == 0 ? Default() : result;
    }
}
