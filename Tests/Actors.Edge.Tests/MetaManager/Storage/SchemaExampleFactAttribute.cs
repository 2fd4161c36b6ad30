namespace Actors.Edge.Tests.MetaManager.Storage;

/// <summary>A fact skipped, visibly, when ../shared/reference/kubeedge-examples/14-sqlite-schema.sql is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SchemaExampleFactAttribute : FactAttribute
{
    public SchemaExampleFactAttribute()
    {
        if (FindExample() is null)
        {
            Skip = "../shared/reference/kubeedge-examples/14-sqlite-schema.sql not found: KubeEdge schema example unavailable";
        }
    }

    public static string? FindExample()
    {
        var relative = Path.Combine("shared", "reference", "kubeedge-examples", "14-sqlite-schema.sql");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
