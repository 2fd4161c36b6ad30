using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Resources;

/// <summary>Per-type defaulting and validation, called inside the write transaction.</summary>
public interface IAdmission
{
    /// <exception cref="Http.ApiException">422 Invalid for a bad name.</exception>
    void ValidateName(ResourceType rt, string name);

    /// <summary>Defaults set on create (pod phase, secret type, service cluster IP...).</summary>
    void PrepareCreate(IStoreTransaction tx, ResourceType rt, JsonObject obj);

    /// <summary>Validates (and for CRDs prunes) an object about to be stored; <paramref name="old"/> is null on create.</summary>
    void Validate(ResourceType rt, JsonObject obj, JsonObject? old, WriteOptions opts, List<string> warnings);
}
