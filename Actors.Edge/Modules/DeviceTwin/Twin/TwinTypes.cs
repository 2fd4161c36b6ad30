namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>Twin value types and deal types (KubeEdge <c>dtcommon</c>).</summary>
public static class TwinTypes
{
    public const string String = "string";
    public const string Int = "int";
    public const string Integer = "integer";
    public const string Float = "float";
    public const string Boolean = "boolean";
    public const string Deleted = "deleted";
}

/// <summary>Where an update comes from: an app or mapper over MQTT (<c>Rest</c>) or the cloud (<c>Sync</c>).</summary>
public enum DealType
{
    /// <summary>MQTT/DMI-originated: the edge bumps its version counters.</summary>
    Rest = 0,

    /// <summary>Cloud-originated: versions are copied from the request after a conflict check.</summary>
    Sync = 1,
}

/// <summary>Result codes used in error bodies.</summary>
public static class TwinCodes
{
    public const int BadRequest = 400;
    public const int NotFound = 404;
    public const int Conflict = 409;
    public const int InternalError = 500;
}
