var settings = {
  "url": "{{apiPath}}/environments/{{envID}}/users/{{userID}}/password",
  "method": "PUT",
  "timeout": 0,
  "headers": {
    "Authorization": "Bearer {{accessToken}}",
    "Content-Type": "application/vnd.pingidentity.password.set+json"
  },
  "data": `{
  "value": "Ch@ng3 me! \\\\o/ 'quoted' \\"double\\" \$HOME \`tick\`",
  "forceChange": true
}`
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
