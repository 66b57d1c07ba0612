var settings = {
  "url": "{{apiPath}}/environments/{{envID}}/users/imports",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Authorization": "Bearer {{accessToken}}",
    "Content-Type": "text/csv"
  },
  "data": `username,email,given,family
ada,ada@example.com,Ada,Lovelace
grace,grace@example.com,Grace,"Hopper, RDML"
`
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
