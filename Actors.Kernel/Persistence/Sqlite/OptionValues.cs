using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>Parses HOCON-style scalar option values (durations, booleans, identifiers).</summary>
internal static partial class OptionValues
{
    public static bool IsValidIdentifier(string name) => IdentifierPattern().IsMatch(name);

    /// <summary>The checks every SQLite store section shares: connection string, timeout, main table name.</summary>
    public static List<string> ValidateStore(string configPath, string connectionString, TimeSpan connectionTimeout, string tableName)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            errors.Add($"{configPath}.connection-string is required.");
        }
        else if (ConnectionStringProblem(connectionString) is { } problem)
        {
            errors.Add($"{configPath}.connection-string {problem}.");
        }

        if (connectionTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{configPath}.connection-timeout must be positive.");
        }

        if (!IsValidIdentifier(tableName))
        {
            errors.Add($"{configPath}.table-name '{tableName}' is not a plain SQL identifier.");
        }

        return errors;
    }

    /// <summary>
    /// Why <paramref name="connectionString"/> cannot serve a journal, or null. The writer and the
    /// readers use separate connections, so a private in-memory database (one per connection) would
    /// show readers an empty database.
    /// </summary>
    public static string? ConnectionStringProblem(string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return "is not a valid SQLite connection string: " + ex.Message;
        }

        var memory = builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        return memory && builder.Cache != SqliteCacheMode.Shared
            ? "names a private in-memory database, which each connection sees empty; use 'Data Source=NAME;Mode=Memory;Cache=Shared' or a file"
            : null;
    }

    /// <summary>HOCON booleans: true/false, on/off, yes/no.</summary>
    public static bool ParseBool(string key, string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "on" or "yes" => true,
        "false" or "off" or "no" => false,
        _ => throw new FormatException($"'{key}' must be a boolean (on/off, true/false, yes/no); got '{value}'."),
    };

    /// <summary>HOCON durations: a number with an optional unit (ms, s, m, h, d and long forms; none = ms).</summary>
    public static TimeSpan ParseDuration(string key, string value)
    {
        var match = DurationPattern().Match(value.Trim());
        if (!match.Success)
        {
            throw new FormatException($"'{key}' must be a duration such as 30s or 500ms; got '{value}'.");
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value.ToLowerInvariant() switch
        {
            "" or "ms" or "millis" or "milliseconds" => TimeSpan.FromMilliseconds(number),
            "s" or "second" or "seconds" => TimeSpan.FromSeconds(number),
            "m" or "minute" or "minutes" => TimeSpan.FromMinutes(number),
            "h" or "hour" or "hours" => TimeSpan.FromHours(number),
            "d" or "day" or "days" => TimeSpan.FromDays(number),
            var unit => throw new FormatException($"'{key}' has an unknown duration unit '{unit}'."),
        };
    }

    public static int ParseInt(string key, string value) =>
        int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"'{key}' must be an integer; got '{value}'.");

    public static SqliteSynchronousMode ParseSynchronous(string key, string value) =>
        Enum.TryParse<SqliteSynchronousMode>(value.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new FormatException($"'{key}' must be normal, full or extra; got '{value}'.");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)$")]
    private static partial Regex DurationPattern();
}
