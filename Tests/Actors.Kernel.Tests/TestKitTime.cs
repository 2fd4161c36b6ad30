using Actors.TestKit;

namespace Actors.Kernel.Tests;

/// <summary>A manual clock for tests that build their own system.</summary>
internal sealed class TestKitTime
{
    public ManualTimeProvider Provider { get; } = new();
}
