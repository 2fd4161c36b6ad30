namespace Actors.Messages.Tests.Support;

/// <summary>A theory that is skipped, visibly, when ../shared/reference/kubeedge-examples is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExamplesTheoryAttribute : TheoryAttribute
{
    public ExamplesTheoryAttribute()
    {
        if (SharedReference.ExamplesDirectory is null)
        {
            Skip = "../shared/reference/kubeedge-examples not found: KubeEdge example files unavailable";
        }
    }
}

/// <summary>A fact that is skipped, visibly, when ../shared/reference/kubeedge-examples is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExamplesFactAttribute : FactAttribute
{
    public ExamplesFactAttribute()
    {
        if (SharedReference.ExamplesDirectory is null)
        {
            Skip = "../shared/reference/kubeedge-examples not found: KubeEdge example files unavailable";
        }
    }
}
