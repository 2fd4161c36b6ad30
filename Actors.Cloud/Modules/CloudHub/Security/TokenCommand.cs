using Actors.Cloud.Host;
using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// <c>cloudcore token [--data-dir DIR] [--config FILE] [-D k=v ...]</c>: prints a join token
/// (<c>&lt;hex sha256 of the CA&gt;.&lt;JWT&gt;</c>) for the CA of this configuration (KubeEdge's <c>keadm gettoken</c>).
/// The CA and token secret are created in <c>&lt;data-dir&gt;/ca</c> if they do not exist yet, exactly as
/// <c>cloudcore run</c> would create them. The token is valid for twice the refresh interval (24 h).
/// </summary>
public static class TokenCommand
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            var definition = CloudHost.Create();
            var arguments = ConfigArguments.Parse(HostCommandLine.ExpandDataDir(definition.Name, args));
            if (arguments.Remaining.Count > 0)
            {
                Console.Error.WriteLine("error: unexpected argument '" + arguments.Remaining[0] + "' for token");
                return HostCommandLine.Usage;
            }

            var loader = definition.CommandContext().CreateLoader();
            if (!new HostRunner(definition).TryLoad(() => loader.Load(arguments), Console.Error, out var config))
            {
                return HostRunner.InvalidConfig;
            }

            var settings = Host.CloudHubOptions.From(config).ToModuleSettings(CloudCoreOptions.From(config).DataDir);
            Directory.CreateDirectory(settings.DataDir);
            using var security = CloudSecurity.Create(settings.AuthorityOptions(), TimeProvider.System, NullLoggerFactory.Instance);
            Console.Out.WriteLine(security.Tokens.CurrentToken());
            return HostRunner.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException
                                      or System.Security.Cryptography.CryptographicException or ConfigurationException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return HostRunner.Failed;
        }
    }
}
