using System.Diagnostics.CodeAnalysis;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>Node names as Kubernetes allows them (DNS-1123 subdomain: lower-case alphanumerics, '-' and '.', ≤ 253).</summary>
public static class NodeNames
{
    public static bool IsValid([NotNullWhen(true)] string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 253
        && IsLowerAlnum(name[0]) && IsLowerAlnum(name[^1])
        && name.All(c => IsLowerAlnum(c) || c is '-' or '.');

    private static bool IsLowerAlnum(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
