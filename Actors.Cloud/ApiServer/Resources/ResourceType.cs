using System.Text.Json.Nodes;

namespace Actors.Cloud.ApiServer.Resources;

/// <summary>A served resource (one group/version/plural). Objects of every served version of a group/plural share one storage kind key.</summary>
public sealed record ResourceType
{
    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Plural { get; init; }

    public required string Kind { get; init; }

    public required bool Namespaced { get; init; }

    public string Singular => Kind.ToLowerInvariant();

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public bool HasStatus { get; init; }

    /// <summary>Extra subresources beyond status (e.g. pods/binding).</summary>
    public IReadOnlyList<string> ExtraSubresources { get; init; } = [];

    /// <summary>Printer columns after NAME (AGE is appended unless listed). Empty: NAME, AGE.</summary>
    public IReadOnlyList<PrinterColumn> Columns { get; init; } = [];

    /// <summary>OpenAPI v3 schema (CRDs: their openAPIV3Schema; built-ins: a reduced schema).</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>True for resources served from an installed CustomResourceDefinition.</summary>
    public bool IsCustom { get; init; }

    /// <summary>Strategic merge patch is only defined for built-in types; CRDs refuse it (415) as Kubernetes does.</summary>
    public bool SupportsStrategicMerge => !IsCustom;

    public string GroupVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    public string KindKey => (Group.Length == 0 ? "core" : Group) + "/" + Plural;

    public string ListKind => Kind + "List";

    public static readonly IReadOnlyList<string> AllVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
}
