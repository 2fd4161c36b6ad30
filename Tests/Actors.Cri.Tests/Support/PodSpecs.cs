using Runtime.V1;

namespace Actors.Cri.Tests.Support;

/// <summary>CRI configs for test pods: host network, unique names, logs under a given directory.</summary>
internal static class PodSpecs
{
    public static PodSandboxConfig Sandbox(string logDirectory, string? name = null)
    {
        var uid = Guid.NewGuid().ToString("N");
        var config = new PodSandboxConfig
        {
            Metadata = new PodSandboxMetadata { Name = name ?? "pod-" + uid[..8], Uid = uid, Namespace = "cri-tests", Attempt = 0 },
            LogDirectory = Path.Combine(logDirectory, uid),
            Linux = new LinuxPodSandboxConfig
            {
                SecurityContext = new LinuxSandboxSecurityContext
                {
                    NamespaceOptions = new NamespaceOption { Network = NamespaceMode.Node },
                },
            },
        };
        config.Labels["test"] = "actors-cri";
        return config;
    }

    /// <summary>A container running <c>/bin/sh -c <paramref name="script"/></c>.</summary>
    public static ContainerConfig ShellContainer(string name, string image, string script)
    {
        var config = new ContainerConfig
        {
            Metadata = new ContainerMetadata { Name = name, Attempt = 0 },
            Image = new ImageSpec { Image = image },
            LogPath = $"{name}/0.log",
            Linux = new LinuxContainerConfig
            {
                SecurityContext = new LinuxContainerSecurityContext
                {
                    NamespaceOptions = new NamespaceOption { Network = NamespaceMode.Node },
                },
            },
        };
        config.Command.Add("/bin/sh");
        config.Args.Add("-c");
        config.Args.Add(script);
        config.Labels["container"] = name;
        return config;
    }
}
