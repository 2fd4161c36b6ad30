using System.Text;

namespace Actors.Edge.Modules.EdgeD.Runtime;

/// <summary>
/// Kubernetes' <c>$(VAR)</c> expansion in env values, command and args (pure): <c>$(NAME)</c> becomes the variable's
/// value when it is defined and stays as written when it is not; <c>$$</c> is an escaped <c>$</c>, so
/// <c>$$(NAME)</c> yields the literal <c>$(NAME)</c>; any other <c>$</c> is kept.
/// </summary>
internal static class VariableExpansion
{
    public static string Expand(string input, Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lookup);
        if (!input.Contains('$', StringComparison.Ordinal))
        {
            return input;
        }

        var output = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != '$' || i + 1 >= input.Length)
            {
                output.Append(input[i]);
                continue;
            }

            var next = input[i + 1];
            if (next == '$')
            {
                output.Append('$');
                i++;
            }
            else if (next == '(' && input.IndexOf(')', i + 2) is var close && close > i + 2)
            {
                var name = input[(i + 2)..close];
                output.Append(lookup(name) ?? input[i..(close + 1)]);
                i = close;
            }
            else
            {
                output.Append('$');
            }
        }

        return output.ToString();
    }
}
