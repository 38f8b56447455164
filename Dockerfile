# Build and run the web host. The local NuGet shims (build/local-packages) are only needed where the
# public registry lacks two packages; nuget.config maps them, so the same restore works in both places.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build installs the SignalR browser client from npm (src/Web/package.json).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Web/Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The published output carries wwwroot, appsettings.json and the pre-generated handler code: nothing is compiled at start.
USER $APP_UID
EXPOSE 5080
ENTRYPOINT ["dotnet", "Approval.Web.dll"]
