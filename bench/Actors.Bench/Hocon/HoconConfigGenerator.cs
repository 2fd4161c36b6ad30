using System.Globalization;
using System.Text;

namespace Actors.Bench.Hocon;

/// <summary>Generates a realistic HOCON document of roughly the requested number of lines.</summary>
internal static class HoconConfigGenerator
{
    public static string Generate(int lines)
    {
        var sb = new StringBuilder();
        var count = 0;
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("# generated benchmark configuration");
        sb.AppendLine("defaults { timeout = 5s, retries = 3, buffer = 64KiB, name = \"default\" }");
        count += 2;
        for (var m = 0; count < lines; m++)
        {
            sb.Append(inv, $"module-{m} {{\n");
            sb.Append(inv, $"  // module {m}\n");
            sb.Append(inv, $"  enabled = {(m % 3 == 0 ? "false" : "true")}\n");
            sb.Append(inv, $"  timeout = ${{defaults.timeout}}\n");
            sb.Append(inv, $"  heartbeat = {m % 60 + 1}s\n");
            sb.Append(inv, $"  buffer-size = {m % 16 + 1}MiB\n");
            sb.Append(inv, $"  address = \"tcp://10.0.{m % 255}.{m % 200}:{10000 + m}\"\n");
            sb.Append(inv, $"  label = module {m} of the fleet\n");
            sb.Append(inv, $"  ratio = {m % 100 / 100.0:0.00}\n");
            sb.Append(inv, $"  peers = [peer-{m}-a, peer-{m}-b, \"peer-{m}-c\"]\n");
            sb.Append(inv, $"  limits {{\n    rate = {m * 10}\n    burst = {m * 20}\n    window = {m % 30 + 1}m\n  }}\n");
            sb.Append(inv, $"  retries = ${{defaults.retries}}\n");
            sb.Append(inv, $"  path = \"/var/lib/edge/\"${{module-{m}.label}}\n");
            sb.Append(inv, $"  tags += alpha\n  tags += beta\n");
            sb.Append("}\n");
            count += 20;
        }

        sb.AppendLine("last.key.in.file = \"the end\"");
        return sb.ToString();
    }
}
