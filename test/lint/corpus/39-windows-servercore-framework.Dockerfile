# escape=`
# corpus: .NET Framework service on Windows Server Core: escape directive, PowerShell SHELL, backtick continuations
# expect: none
FROM mcr.microsoft.com/dotnet/framework/runtime:4.8-windowsservercore-ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
WORKDIR C:\app
RUN Invoke-WebRequest -Uri https://example.org/agent.msi -OutFile agent.msi; `
    Start-Process msiexec.exe -ArgumentList '/i', 'agent.msi', '/qn' -Wait; `
    Remove-Item agent.msi
COPY bin/Release/ .
USER ContainerUser
ENTRYPOINT ["C:\\app\\Service.exe"]
