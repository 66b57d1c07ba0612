var settings = {
  "url": "{{apiPath}}/environments/{{envID}}/users",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Authorization": "Bearer {{accessToken}}",
    "Content-Type": "application/json"
  },
  "data": `{
  "email": "ada.lovelace@example.com",
  "name": {
    "given": "Ada",
    "family": "Lovelace"
  },
  "population": {
    "id": "{{populationID}}"
  },
  "username": "ada",
  "enabled": true,
  "locale": "en-GB",
  "nickname": "Countess of \\"Lovelace\\""
}`
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
