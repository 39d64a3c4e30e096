# The app image: built with the SDK, run on the smaller ASP.NET runtime image as a non-root user.
# Used by docker-compose.yml; on its own: docker build -t hanzhao-recruit .

# ---- build ----------------------------------------------------------------------------------
# The floating 10.0 tag carries only the newest SDK feature band. global.json asks for 10.0.4xx
# (rollForward latestPatch), the last band of .NET 10, so this tag satisfies it; if global.json
# ever moves to another band, pin this tag (e.g. sdk:10.0.401) in the same commit.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the build settings and project files alone, so this layer (the NuGet download)
# is reused until a package or project reference changes, not on every source edit.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig HanZhao.Recruit.sln ./
COPY src/HanZhao.Recruit.Data/HanZhao.Recruit.Data.csproj src/HanZhao.Recruit.Data/
COPY src/HanZhao.Recruit.Web/HanZhao.Recruit.Web.csproj src/HanZhao.Recruit.Web/
COPY migrations/HanZhao.Recruit.Migrations.Sqlite/HanZhao.Recruit.Migrations.Sqlite.csproj migrations/HanZhao.Recruit.Migrations.Sqlite/
COPY migrations/HanZhao.Recruit.Migrations.SqlServer/HanZhao.Recruit.Migrations.SqlServer.csproj migrations/HanZhao.Recruit.Migrations.SqlServer/
# Only the web project: it pulls in Data and both migration sets; tests are not part of the image.
# For the image's own architecture (BuildKit sets TARGETARCH: amd64 or arm64; the SDK takes both
# names), so the publish below can compile ahead of time; amd64 under the legacy builder.
ARG TARGETARCH
RUN dotnet restore src/HanZhao.Recruit.Web/HanZhao.Recruit.Web.csproj -a ${TARGETARCH:-amd64}

# The sources (bin/, obj/ and App_Data/ are kept out by .dockerignore).
COPY src/ src/
COPY migrations/ migrations/
# ReadyToRun (set in the project for any platform-specific publish): about 2 s less start-up.
RUN dotnet publish src/HanZhao.Recruit.Web/HanZhao.Recruit.Web.csproj -c Release -a ${TARGETARCH:-amd64} --self-contained false -o /app --no-restore

# ---- run ------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final

# curl for the HEALTHCHECK below; the runtime image has no HTTP client of its own.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# The data folder (Recruit:DataPath defaults to App_Data under the content root, /app) holds the
# .eml drop folder and, with SQLite, the database. It is the one place the app writes, so it alone
# belongs to the non-root user; a new named volume mounted here copies that ownership.
RUN mkdir -p /app/App_Data && chown app:app /app/App_Data

# The published files stay owned by root: the app can read its own code but not change it.
COPY --from=build /app .

# The non-root user the .NET 8+ images create ($APP_UID is its numeric id, so Kubernetes'
# runAsNonRoot can verify it).
USER $APP_UID

# Plain HTTP on an unprivileged port (a non-root user cannot bind 80); TLS ends at a reverse proxy.
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

# Two C-allocator arenas instead of up to eight per core: a lower peak under load for the same speed
# (src/HanZhao.Recruit.Web/Platform/Hosting/NativeHeap.cs; glibc reads it only at process start).
ENV MALLOC_ARENA_MAX=2

# Ready means the database opens and holds the schema, i.e. migrations have run (see
# Health/HealthSetup.cs). The start period covers the migrations on a first start.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1

ENTRYPOINT ["dotnet", "HanZhao.Recruit.Web.dll"]
