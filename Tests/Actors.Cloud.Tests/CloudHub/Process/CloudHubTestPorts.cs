namespace Actors.Cloud.Tests.CloudHub.Process;

/// <summary>
/// <c>-D</c> arguments that move CloudHub's listeners (default 0.0.0.0:10000 and :10002) to free loopback ports, for
/// every test that runs <c>cloudcore run</c>: tests must not bind fixed ports or non-loopback addresses.
/// </summary>
internal static class CloudHubTestPorts
{
    public static IReadOnlyList<string> Loopback { get; } =
    [
        "-D", "cloudcore.modules.cloudhub.websocket.address=127.0.0.1", "-D", "cloudcore.modules.cloudhub.websocket.port=0",
        "-D", "cloudcore.modules.cloudhub.https.address=127.0.0.1", "-D", "cloudcore.modules.cloudhub.https.port=0",
    ];
}
