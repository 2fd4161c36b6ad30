namespace Actors.Kernel.Configuration;

/// <summary>
/// Validation contract implemented by modules: checks the keys the module reads and returns one
/// message per problem, each naming the key (e.g. "edgecore.modules.edgehub.heartbeat: must be
/// a positive duration, got -1s"). An empty sequence means valid.
/// </summary>
public interface IOptionsValidator
{
    IEnumerable<string> Validate(Config effective);
}
