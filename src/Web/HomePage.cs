namespace Approval.Web;

public static class HomePage
{
    public const string Html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>绩效自评与决算公开审核</title></head>
        <body><h1>绩效自评与决算公开审核</h1><p>预算单位填报、财政局业务股室审核、公开发布。</p></body></html>
        """;
}
