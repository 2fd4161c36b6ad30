namespace Actors.Cloud.ApiServer.Resources;

/// <summary>A Table column: <see cref="JsonPath"/> is a simple ".a.b" path (CRD additionalPrinterColumns) or null for computed columns.</summary>
public sealed record PrinterColumn(string Name, string Type, string? JsonPath, int Priority = 0, string Description = "", string Format = "");
