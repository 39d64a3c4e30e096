namespace HanZhao.Recruit.Testing;

public static class RepositoryPaths
{
    /// <summary>The folder holding HanZhao.Recruit.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Tests => Path.Combine(Root, "tests");

    /// <summary>Where tests leave what a person looks at afterwards (screenshots, captured emails).</summary>
    public static string TestOutput(string folder)
    {
        var path = Path.Combine(Root, "TestResults", folder);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HanZhao.Recruit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HanZhao.Recruit.sln not found above " + AppContext.BaseDirectory);
    }
}
