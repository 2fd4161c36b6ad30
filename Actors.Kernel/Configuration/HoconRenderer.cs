using System.Text;

namespace Actors.Kernel.Configuration;

/// <summary>Renders resolved trees as HOCON (optionally with origin comments) or JSON.</summary>
public static class HoconRenderer
{
    /// <summary>HOCON text that parses back to the same tree. Strings are always quoted.</summary>
    public static string ToHocon(HoconObject root, bool withOrigins = false)
    {
        ArgumentNullException.ThrowIfNull(root);
        var sb = new StringBuilder();
        WriteFields(sb, root, 0, withOrigins, hocon: true);
        return sb.ToString();
    }

    /// <summary>JSON text of the tree.</summary>
    public static string ToJson(HoconValue value, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder();
        WriteJson(sb, value, 0, indented);
        return sb.ToString();
    }

    private static void WriteFields(StringBuilder sb, HoconObject obj, int depth, bool withOrigins, bool hocon)
    {
        foreach (var (key, value) in obj)
        {
            if (withOrigins && !(value is HoconObject { Count: > 0 }))
            {
                Indent(sb, depth).Append("# ").Append(value.Origin).Append('\n');
            }

            Indent(sb, depth).Append(HoconPath.RenderKey(key));
            if (value is HoconObject child)
            {
                if (child.Count == 0)
                {
                    sb.Append(" {}\n");
                    continue;
                }

                sb.Append(" {\n");
                WriteFields(sb, child, depth + 1, withOrigins, hocon);
                Indent(sb, depth).Append("}\n");
            }
            else
            {
                sb.Append(" = ");
                WriteJson(sb, value, depth, indented: true);
                sb.Append('\n');
            }
        }
    }

    private static void WriteJson(StringBuilder sb, HoconValue value, int depth, bool indented)
    {
        switch (value)
        {
            case HoconObject obj:
                WriteContainer(sb, obj.Select(p => (HoconPath.Quote(p.Key) + (indented ? ": " : ":"), p.Value)).ToList(), '{', '}', depth, indented);
                break;
            case HoconArray array:
                WriteContainer(sb, array.Select(v => (string.Empty, v)).ToList(), '[', ']', depth, indented);
                break;
            case HoconScalar s when s.Type == HoconValueType.String:
                sb.Append(HoconPath.Quote(s.Text));
                break;
            case HoconScalar s:
                sb.Append(s.Text);
                break;
            default:
                throw new InvalidOperationException("cannot render an unresolved value");
        }
    }

    private static void WriteContainer(StringBuilder sb, List<(string Prefix, HoconValue Value)> items, char open, char close, int depth, bool indented)
    {
        sb.Append(open);
        if (items.Count == 0)
        {
            sb.Append(close);
            return;
        }

        var simple = open == '[' && items.TrueForAll(i => i.Value is HoconScalar);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            if (indented && !simple)
            {
                Indent(sb.Append('\n'), depth + 1);
            }
            else if (indented && i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(items[i].Prefix);
            WriteJson(sb, items[i].Value, depth + 1, indented);
        }

        if (indented && !simple)
        {
            Indent(sb.Append('\n'), depth);
        }

        sb.Append(close);
    }

    private static StringBuilder Indent(StringBuilder sb, int depth) => sb.Append(' ', depth * 2);
}
