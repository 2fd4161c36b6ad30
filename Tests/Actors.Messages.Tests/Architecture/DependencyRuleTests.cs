using System.Reflection;

namespace Actors.Messages.Tests.Architecture;

/// <summary>Enforces the project dependency rule from the README.</summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] OurAssemblies =
        ["Actors.Kernel", "Actors.Messages", "Actors.Cri", "edgecore", "cloudcore"];

    public static TheoryData<string, string[]> Rules => new()
    {
        { "Actors.Messages", [] },
        { "Actors.Kernel", [] },
        { "Actors.Cri", [] },
        { "edgecore", ["Actors.Kernel", "Actors.Messages", "Actors.Cri"] },
        { "cloudcore", ["Actors.Kernel", "Actors.Messages"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Assembly_References_OnlyAllowedProjects(string assembly, string[] allowed)
    {
        var loaded = Assembly.Load(assembly);
        var ours = loaded.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => OurAssemblies.Contains(n))
            .ToArray();

        var forbidden = ours.Except(allowed).ToArray();

        Assert.True(forbidden.Length == 0,
            $"{assembly} must not reference {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void Messages_PublicTypes_AreSealedRecordsOrStaticOrInterfaces()
    {
        var offenders = typeof(AssemblyMarker).Assembly.GetExportedTypes()
            .Where(t => !t.IsInterface && !t.IsEnum && !(t.IsAbstract && t.IsSealed))
            .Where(t => !(t.IsSealed && t.GetMethod("<Clone>$") is not null))
            .Select(t => t.FullName)
            .ToArray();

        Assert.True(offenders.Length == 0,
            $"not sealed records: {string.Join(", ", offenders)}");
    }
}
