namespace Actors.Edge.Modules.EdgeD.Prober;

/// <summary>Which probe: liveness (kill on failure), readiness (gates Ready), startup (gates the others).</summary>
internal enum ProbeKind
{
    Liveness,
    Readiness,
    Startup,
}

/// <summary>How a probe checks: a command in the container, an HTTP GET, or a TCP connect.</summary>
internal enum ProbeAction
{
    Exec,
    HttpGet,
    TcpSocket,
}

/// <summary>
/// A container probe as in the Pod spec (defaults: period 10 s, timeout 1 s, success threshold 1, failure
/// threshold 3). <paramref name="Host"/> empty means the pod IP.
/// </summary>
internal sealed record ProbeModel(
    ProbeKind Kind,
    ProbeAction Action,
    IReadOnlyList<string> Command,
    string Scheme,
    string Host,
    int Port,
    string Path,
    TimeSpan InitialDelay,
    TimeSpan Period,
    TimeSpan Timeout,
    int SuccessThreshold,
    int FailureThreshold);
