using Google.Protobuf.Collections;

namespace Actors.Cri.Runtime.Process;

/// <summary>CRI list filters: every label of the selector must be present with the same value.</summary>
internal static class CriFilters
{
    public static bool LabelsMatch(MapField<string, string> selector, MapField<string, string> labels) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
