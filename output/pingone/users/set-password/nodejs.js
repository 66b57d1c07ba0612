var request = require('request');
var options = {
  'method': 'PUT',
  'url': '{{apiPath}}/environments/{{envID}}/users/{{userID}}/password',
  'headers': {
    'Authorization': 'Bearer {{accessToken}}',
    'Content-Type': 'application/vnd.pingidentity.password.set+json'
  },
  body: `{
  "value": "Ch@ng3 me! \\\\o/ 'quoted' \\"double\\" \$HOME \`tick\`",
  "forceChange": true
}`
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
