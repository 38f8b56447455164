namespace Approval.LocalDatabase;

public static class RepositoryRoot
{
    /// <summary>The folder holding Approval.sln, searched upwards from the working directory and from the binaries.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Approval.sln"))) return dir.FullName;
            }
        }
        return null;
    }
}
