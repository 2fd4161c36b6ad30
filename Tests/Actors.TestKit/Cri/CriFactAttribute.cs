using Xunit;

namespace Actors.TestKit.Cri;

/// <summary>
/// A fact that needs the real CRI runtime: skipped (with the reason shown) when no endpoint is
/// configured, except when EDGEACTORS_REQUIRE_CRI=1, where it runs and fails on the missing endpoint.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CriFactAttribute : FactAttribute
{
    public CriFactAttribute()
    {
        if (CriEnvironment.Endpoint is null && !CriEnvironment.Required)
        {
            Skip = $"needs a CRI runtime: set {CriEnvironment.EndpointVariable} (Tests/setup/30-containerd.sh start DIR; source DIR/env.sh)";
        }
    }
}
