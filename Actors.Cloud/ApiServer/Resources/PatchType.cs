namespace Actors.Cloud.ApiServer.Resources;

/// <summary>The PATCH content types the server understands.</summary>
public enum PatchType
{
    Merge,
    Json,
    StrategicMerge,
    Apply,
}
