using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Modules;

/// <summary>What a module gets when it is created: the bus, a logger named after it, and the system's clock.</summary>
public sealed record ModuleContext(string Name, string Group, ModuleBus Bus, ILogger Logger, TimeProvider Time);
