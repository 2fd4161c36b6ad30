using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Patch;
using Actors.Cloud.ApiServer.Resources;
using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Crd;

/// <summary>Keeps the registry in step with stored CRDs and installs the bundled KubeEdge CRDs at start.</summary>
public sealed class CrdController(ResourceService service)
{
    /// <summary>Registers every stored CRD (on start, after a restart).</summary>
    public void LoadStored()
    {
        foreach (var crd in service.Store.List(BuiltinResources.CrdKindKey, null, null, 0, null).Items)
        {
            Sync((JsonObject)JsonNode.Parse(crd)!);
        }
    }

    /// <summary>Creates the bundled CRDs (deploy/crds, embedded) that are not stored yet.</summary>
    public void InstallBundled()
    {
        var crdType = service.Registry.Find("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        foreach (var manifest in BundledManifests())
        {
            if (service.Store.Get(ResourceService.Key(crdType, null, Meta.Name(manifest))) is null)
            {
                Sync(service.Create(crdType, null, manifest, new WriteOptions()).Object);
            }
        }
    }

    public void Sync(JsonObject crd)
    {
        if (Meta.IsDeleting(crd) && Meta.Finalizers(crd).Count == 0)
        {
            service.Registry.RemoveCustom(Meta.Name(crd));
            return;
        }

        service.Registry.SetCustom(Meta.Name(crd), CrdDefinition.ToResourceTypes(crd));
    }

    public void Removed(string name) => service.Registry.RemoveCustom(name);

    public static IReadOnlyList<JsonObject> BundledManifests()
    {
        var assembly = typeof(CrdController).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("crds/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (JsonObject)YamlJson.Parse(reader.ReadToEnd())!;
            }).ToList();
    }
}
