using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EventBus.Module;

/// <summary>Hands the module's logger to the MQTT broker and clients, whatever category they ask for.</summary>
internal sealed class ModuleLoggerFactory(ILogger logger) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("the module's logger is fixed");

    public void Dispose()
    {
    }
}
