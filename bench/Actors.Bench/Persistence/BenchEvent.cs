namespace Actors.Bench.Persistence;

/// <summary>A persisted event of realistic size (~120 bytes of JSON), like an edge outbox entry.</summary>
public sealed record BenchEvent(string Pod, string Node, string Operation, int Attempt, long Version);
