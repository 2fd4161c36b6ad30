using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary>Validates every <c>edgecore.*</c> key through the options records; each error names its key.</summary>
public sealed class EdgeCoreValidator : IOptionsValidator
{
    public IEnumerable<string> Validate(Config effective)
    {
        var b = new ConfigBinder(effective);
        EdgeCoreOptions.From(b);
        EdgeHubOptions.From(b);
        MetaManagerOptions.From(b);
        EdgedOptions.From(b);
        EventBusOptions.From(b);
        ServiceBusOptions.From(b);
        DeviceTwinOptions.From(b);
        return b.Errors;
    }
}
