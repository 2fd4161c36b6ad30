using System.Net;

namespace Actors.Cloud.Modules.Router;

/// <summary>Where the REST listener binds and how long a routed service call waits for the edge.</summary>
public sealed record RouterSettings(IPAddress Address, int Port, TimeSpan RestTimeout);
