namespace Actors.Messages.Wire;

/// <summary>
/// Beehive route (<c>route</c> in KubeEdge's JSON; the Go field is called Router). Empty strings mean
/// "absent" and are omitted on the wire.
/// </summary>
public sealed record MessageRoute(
    string Source = "",
    string Group = "",
    string Operation = "",
    string Resource = "",
    string Destination = "")
{
    /// <summary>The same route with another resource.</summary>
    public MessageRoute WithResource(string resource) => this with { Resource = resource };
}
