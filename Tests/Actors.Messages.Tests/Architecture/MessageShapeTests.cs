using System.Reflection;
using System.Runtime.CompilerServices;

namespace Actors.Messages.Tests.Architecture;

/// <summary>Messages are immutable: init-only properties and no mutable collections.</summary>
public sealed class MessageShapeTests
{
    private static IEnumerable<PropertyInfo> PublicProperties() => typeof(AssemblyMarker).Assembly.GetExportedTypes()
        .Where(t => !t.IsInterface && !t.IsEnum)
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));

    [Fact]
    public void Messages_Properties_AreInitOnly()
    {
        var offenders = PublicProperties()
            .Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToArray();

        Assert.True(offenders.Length == 0, $"settable properties: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void Messages_Properties_UseNoMutableCollections()
    {
        var offenders = PublicProperties()
            .Where(p => IsMutableCollection(p.PropertyType))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}: {p.PropertyType.Name}")
            .ToArray();

        Assert.True(offenders.Length == 0, $"mutable collections: {string.Join(", ", offenders)}");
    }

    private static bool IsMutableCollection(Type type)
    {
        if (type.IsArray)
        {
            return true;
        }

        if (type.Namespace == "System.Collections.Generic" || type.Namespace == "System.Collections")
        {
            return !(type.IsInterface && type.Name.StartsWith("IReadOnly", StringComparison.Ordinal));
        }

        return false;
    }
}
