using Approval.Workflow.Checking;
using Approval.Workflow.Import;

namespace Approval.Workflow.Tests;

/// <summary>The five published reports of shared/seeds, copied into the test data (they are public documents).</summary>
public static class Seeds
{
    public const string ShangraoGovService2021 = "000_60594c4a6581abd9.txt";
    public const string YiyangGovService2021 = "001_de08246b7e89c2ac.txt";
    public const string ShangraoBigData2021 = "002_3e97706fd429c0f0.txt";
    public const string JingdezhenAdminService2022 = "003_ba354a0d5473f1fe.txt";
    public const string GanzhouRongjiang2023 = "004_00e7fe4b0ab0df23.txt";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "seeds", name);

    public static ImportedReport Import(string name) => ReportTextImporter.ReadFile(PathOf(name));

    public static CheckReport Check(string name) => ReportChecker.Check(Import(name));
}
