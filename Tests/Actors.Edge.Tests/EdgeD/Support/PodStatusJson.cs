using System.Text.Json;

namespace Actors.Edge.Tests.EdgeD.Support;

/// <summary>Reads fields of a reported PodStatus.</summary>
internal static class PodStatusJson
{
    public static string Phase(this JsonElement status) => status.GetProperty("phase").GetString()!;

    public static JsonElement Container(this JsonElement status, string name) =>
        status.GetProperty("containerStatuses").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    public static bool IsRunning(this JsonElement container) => container.GetProperty("state").TryGetProperty("running", out _);

    public static string? WaitingReason(this JsonElement container) =>
        container.GetProperty("state").TryGetProperty("waiting", out var w) ? w.GetProperty("reason").GetString() : null;

    public static string WaitingMessage(this JsonElement container) =>
        container.GetProperty("state").GetProperty("waiting").TryGetProperty("message", out var m) ? m.GetString()! : string.Empty;

    public static int RestartCount(this JsonElement container) => container.GetProperty("restartCount").GetInt32();

    public static string ContainerId(this JsonElement container) => container.GetProperty("containerID").GetString()!;

    public static bool AllRunning(this JsonElement status) =>
        status.Phase() == "Running" && status.GetProperty("containerStatuses").EnumerateArray().All(IsRunning);

    public static string Condition(this JsonElement status, string type) =>
        status.GetProperty("conditions").EnumerateArray().First(c => c.GetProperty("type").GetString() == type).GetProperty("status").GetString()!;
}
