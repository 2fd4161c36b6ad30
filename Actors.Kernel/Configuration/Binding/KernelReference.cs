using System.Reflection;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>The kernel's embedded reference.conf (akka.* defaults) and the layering of a host's over it.</summary>
public static class KernelReference
{
    /// <summary>The kernel's defaults.</summary>
    public static HoconDocument Load() =>
        HoconDocument.FromResource(typeof(KernelReference).Assembly, "reference.conf")
        ?? throw new ConfigurationException("Actors.Kernel: embedded reference.conf is missing (packaging bug)");

    /// <summary>The reference.conf embedded in <paramref name="hostAssembly"/>, layered over the kernel's.</summary>
    public static HoconDocument ForHost(Assembly hostAssembly)
    {
        ArgumentNullException.ThrowIfNull(hostAssembly);
        var host = HoconDocument.FromResource(hostAssembly, "reference.conf")
            ?? throw new ConfigurationException($"{hostAssembly.GetName().Name}: embedded reference.conf is missing (packaging bug)");
        return host.WithFallback(Load());
    }
}
