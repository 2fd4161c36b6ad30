namespace Actors.Kernel.Tests.Configuration;

/// <summary>A theory that is skipped, with a visible reason, when ../shared/conformance/hocon is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute()
    {
        if (HoconTestSupport.ConformanceDirectory() is null)
        {
            Skip = HoconTestSupport.MissingConformance;
        }
    }
}
