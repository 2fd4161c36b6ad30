using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Cloud.Host;

/// <summary>Validates every <c>cloudcore.*</c> key through the options records; each error names its key.</summary>
public sealed class CloudCoreValidator : IOptionsValidator
{
    public IEnumerable<string> Validate(Config effective)
    {
        var b = new ConfigBinder(effective);
        CloudCoreOptions.From(b);
        CloudHubOptions.From(b);
        ControllerOptions.From(b);
        return b.Errors;
    }
}
