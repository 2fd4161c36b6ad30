using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.ApiServer;

/// <summary><c>cloudcore apiserver --data-dir DIR [--listen 127.0.0.1:6443]</c>: runs the embedded API server until SIGINT/SIGTERM.</summary>
public static partial class ApiServerCommand
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? dataDir = null;
        var listen = "127.0.0.1:6443";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data-dir" when i + 1 < args.Length: dataDir = args[++i]; break;
                case "--listen" when i + 1 < args.Length: listen = args[++i]; break;
                default:
                    Console.Error.WriteLine($"cloudcore apiserver: unexpected argument \"{args[i]}\"");
                    return 2;
            }
        }

        try
        {
            var options = new EmbeddedApiServerOptions
            {
                DataDir = dataDir ?? throw new ArgumentException("--data-dir is required"),
                Listen = EmbeddedApiServerOptions.ParseListen(listen),
            };
            return RunAsync(options).GetAwaiter().GetResult();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("cloudcore apiserver: " + e.Message);
            return 2;
        }
    }

    private static async Task<int> RunAsync(EmbeddedApiServerOptions options)
    {
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        var logger = loggerFactory.CreateLogger("apiserver");
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
        await using var server = new EmbeddedApiServer(options, loggerFactory);
        await server.StartAsync().ConfigureAwait(false);
        LogStarted(logger, server.BaseUrl, server.KubeconfigPath);
        await stop.Task.ConfigureAwait(false);
        LogStopping(logger);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API server listening on {Url}; kubeconfig written to {Path}")]
    private static partial void LogStarted(ILogger logger, Uri url, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopping the API server")]
    private static partial void LogStopping(ILogger logger);
}
