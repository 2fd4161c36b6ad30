namespace Actors.Cloud.Modules.EdgeController;

/// <summary>What the EdgeController's actors need from <c>cloudcore.modules.edgecontroller</c>.</summary>
/// <param name="UpstreamWorkers">Workers writing edge reports to the API (messages of one node stay on one worker).</param>
/// <param name="InformerResync">Informer resync period (zero = none); unchanged objects are not re-sent.</param>
public sealed record EdgeControllerSettings(int UpstreamWorkers, TimeSpan InformerResync);
