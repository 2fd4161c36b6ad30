namespace Actors.Kernel.Tests.Configuration;

/// <summary>A fact that is skipped, with a visible reason, when ../shared/conformance/hocon is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (HoconTestSupport.ConformanceDirectory() is null)
        {
            Skip = HoconTestSupport.MissingConformance;
        }
    }
}
