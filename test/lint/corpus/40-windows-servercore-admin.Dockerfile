# escape=`
# corpus: IIS site on windows/servercore with no USER: runs as ContainerAdministrator; choco install via PowerShell
# expect: IG010@4
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-NoProfile", "-Command"]
RUN Install-WindowsFeature Web-Server; `
    Remove-Item -Recurse C:\inetpub\wwwroot\*
WORKDIR C:\inetpub\wwwroot
COPY site/ .
EXPOSE 80
ENTRYPOINT ["C:\\ServiceMonitor.exe", "w3svc"]
