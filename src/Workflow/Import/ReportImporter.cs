namespace Approval.Workflow.Import;

/// <summary>Chooses the reader by content: an .xlsx workbook (a zip) or report text.</summary>
public static class ReportImporter
{
    public static ImportedReport ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new UnreadableInputException($"文件不存在：{path}");
        if (info.Length > ReportTextImporter.MaxBytes)
            throw new UnreadableInputException($"文件过大（{info.Length / 1024.0 / 1024.0:0.0} MB），上限为 {ReportTextImporter.MaxBytes / 1024 / 1024} MB");
        var bytes = File.ReadAllBytes(path);
        return Read(bytes, Path.GetFileName(path));
    }

    public static ImportedReport Read(byte[] bytes, string source)
    {
        var isZip = bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (isZip || source.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            return XlsxImporter.Read(bytes, source);
        return ReportTextImporter.Read(bytes, source);
    }
}
