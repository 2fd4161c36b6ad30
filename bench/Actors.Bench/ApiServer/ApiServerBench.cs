using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer;
using Microsoft.Data.Sqlite;

namespace Actors.Bench.ApiServer;

/// <summary>
/// Embedded API server benchmark: HTTPS create throughput, list latency over 10,000 pods, watch fan-out to 100
/// watchers; baseline: raw SQLite inserts/selects of the same JSON documents in the same run.
/// </summary>
public static class ApiServerBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var pods = args.Contains("--quick") ? 2_000 : 10_000;
        var dir = Directory.CreateTempSubdirectory("apiserver-bench-").FullName;
        try
        {
            await using var server = new EmbeddedApiServer(new EmbeddedApiServerOptions
            {
                DataDir = Path.Combine(dir, "server"), Listen = new IPEndPoint(IPAddress.Loopback, 0), EventWindow = 50_000,
            });
            await server.StartAsync();
            using var client = Client(server);
            var results = new List<(string, string, string)>();

            var writeRate = await CreatePodsAsync(client, pods, concurrency: 8);
            var rawInsert = RawInsert(Path.Combine(dir, "raw.db"), pods);
            results.Add(($"create pod over HTTPS (8 concurrent clients, {pods} pods)", Rate(writeRate), $"raw SQLite insert, 1 txn/row: {Rate(rawInsert)}"));

            var (fullList, page) = await ListLatencyAsync(client);
            var rawSelect = RawSelect(Path.Combine(dir, "raw.db"));
            results.Add(($"list all {pods} pods (JSON, median of 5)", Ms(fullList), $"raw SQLite select + parse of all rows: {Ms(rawSelect)}"));
            results.Add(("list first page (limit=500, median of 5)", Ms(page), "-"));

            var (fanOut, delivered) = await WatchFanOutAsync(client, watchers: 100, writes: 200);
            results.Add(("watch fan-out: 200 writes to 100 watchers, until all delivered", Ms(fanOut), $"{Rate(delivered)} events delivered"));

            Console.WriteLine("| measurement | result | baseline (same run) |");
            Console.WriteLine("|---|---|---|");
            foreach (var (what, value, baseline) in results)
            {
                Console.WriteLine($"| {what} | {value} | {baseline} |");
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + "/s";

    private static string Ms(double ms) => ms.ToString("N1", CultureInfo.InvariantCulture) + " ms";

    private static string PodJson(int i) => new JsonObject
    {
        ["apiVersion"] = "v1", ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = "pod-" + i.ToString(CultureInfo.InvariantCulture), ["labels"] = new JsonObject { ["app"] = "bench" } },
        ["spec"] = new JsonObject
        {
            ["nodeName"] = "edge-" + (i % 50).ToString(CultureInfo.InvariantCulture),
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1.25", ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 80 }) }),
        },
    }.ToJsonString();

    private static async Task<double> CreatePodsAsync(HttpClient client, int count, int concurrency)
    {
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var content = new StringContent(PodJson(i), Encoding.UTF8, "application/json");
                using var r = await client.PostAsync("api/v1/namespaces/default/pods", content);
                r.EnsureSuccessStatusCode();
            }
        })));
        return count / sw.Elapsed.TotalSeconds;
    }

    private static async Task<(double Full, double Page)> ListLatencyAsync(HttpClient client)
    {
        async Task<double> Median(string url)
        {
            var samples = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var sw = Stopwatch.StartNew();
                var body = await client.GetStringAsync(url);
                _ = JsonNode.Parse(body);
                samples.Add(sw.Elapsed.TotalMilliseconds);
            }

            samples.Sort();
            return samples[2];
        }

        return (await Median("api/v1/namespaces/default/pods"), await Median("api/v1/namespaces/default/pods?limit=500"));
    }

    private static async Task<(double Ms, double Delivered)> WatchFanOutAsync(HttpClient client, int watchers, int writes)
    {
        var list = JsonNode.Parse(await client.GetStringAsync("api/v1/namespaces/default/configmaps"))!;
        var rv = list["metadata"]!["resourceVersion"]!.GetValue<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var readers = new List<Task>();
        var opened = new List<HttpResponseMessage>();
        for (var w = 0; w < watchers; w++)
        {
            var response = await client.GetAsync($"api/v1/namespaces/default/configmaps?watch=1&resourceVersion={rv}", HttpCompletionOption.ResponseHeadersRead, cts.Token);
            opened.Add(response);
            var stream = await response.Content.ReadAsStreamAsync(cts.Token);
            readers.Add(Task.Run(async () =>
            {
                using var reader = new StreamReader(stream);
                for (var seen = 0; seen < writes;)
                {
                    _ = await reader.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("watch ended");
                    seen++;
                }
            }));
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < writes; i++)
        {
            var cm = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "cm-" + i.ToString(CultureInfo.InvariantCulture) }, ["data"] = new JsonObject { ["k"] = "v" } };
            using var content = new StringContent(cm.ToJsonString(), Encoding.UTF8, "application/json");
            using var r = await client.PostAsync("api/v1/namespaces/default/configmaps", content, cts.Token);
            r.EnsureSuccessStatusCode();
        }

        await Task.WhenAll(readers);
        var elapsed = sw.Elapsed;
        foreach (var r in opened)
        {
            r.Dispose();
        }

        return (elapsed.TotalMilliseconds, watchers * writes / elapsed.TotalSeconds);
    }

    private static double RawInsert(string path, int count)
    {
        using var conn = new SqliteConnection("Data Source=" + path);
        conn.Open();
        using (var setup = conn.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE t(k TEXT PRIMARY KEY, data TEXT NOT NULL);";
            setup.ExecuteNonQuery();
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var tx = conn.BeginTransaction();
            using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO t(k, data) VALUES($k, $d)";
            cmd.Parameters.AddWithValue("$k", "default/pod-" + i.ToString(CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$d", PodJson(i));
            cmd.ExecuteNonQuery();
            tx.Commit();
        }

        return count / sw.Elapsed.TotalSeconds;
    }

    private static double RawSelect(string path)
    {
        using var conn = new SqliteConnection("Data Source=" + path);
        conn.Open();
        var samples = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT data FROM t ORDER BY k";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                _ = JsonNode.Parse(reader.GetString(0));
            }

            samples.Add(sw.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return samples[2];
    }

    private static HttpClient Client(EmbeddedApiServer server)
    {
        var ca = X509Certificate2.CreateFromPem(server.CaCertificatePem);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256 };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return cert is X509Certificate2 c && chain.Build(c);
        };
        var client = new HttpClient(handler) { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        return client;
    }
}
